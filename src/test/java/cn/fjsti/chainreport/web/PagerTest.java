package cn.fjsti.chainreport.web;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import cn.fjsti.chainreport.support.Accounts;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A list with nothing in it says so, without a page 1 of 0 and items 0–0. */
@QuarkusTest
class PagerTest {

    @Test
    void anEmptyListSaysItHoldsNothing() {
        String page = as(Accounts.ADMIN).accept("text/html").get("/admin/accounts?q=无此账号甲乙丙").then().statusCode(200).extract().asString();
        assertThat(page).contains("共 0 个账号").doesNotContain("第 0–0 条").doesNotContain("第 1 / 0 页");
    }
}
