package cn.fjsti.chainreport.report;

import static cn.fjsti.chainreport.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import cn.fjsti.chainreport.support.Accounts;
import cn.fjsti.chainreport.support.Database;
import cn.fjsti.chainreport.support.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A section's length is counted as people (and the page) count it: characters, i.e. code points, so a
 * character outside the BMP such as 𠮷 (U+20BB7, two UTF-16 units) is one 字 of the notice's 20,000.
 */
@QuarkusTest
class SectionLengthTest {

    private static final String JI = new String(Character.toChars(0x20BB7));

    @Inject
    Database db;

    @Test
    void shouldCountCharactersAsPeopleDo() {
        assertThat(JI.length()).isEqualTo(2);
        assertThat(Section.length(JI.repeat(12_000))).isEqualTo(12_000);
        assertThat(Section.length("第一段\r\n第二段")).isEqualTo(Section.length("第一段\n第二段")).isEqualTo(7);
        assertThat(Section.length("😀a\u4e00")).isEqualTo(3);
        assertThat(Section.length(null)).isZero();
    }

    @Test
    void shouldAcceptTwentyThousandAstralCharactersAndCountThemAsTwentyThousand() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        save(report, JI.repeat(12_000)).statusCode(200).body("outline[0].length", equalTo(12_000));
        save(report, JI.repeat(Section.MAX_LENGTH - 1) + "字").statusCode(200)
                .body("outline[0].length", equalTo(Section.MAX_LENGTH)).body("outline[0].maxLength", equalTo(Section.MAX_LENGTH));
        assertThat(as(Accounts.HAICANG).get("/api/reports/{id}", report).then().statusCode(200)
                .extract().<String>path("sections.COUNTY_INDUSTRY")).hasSize(2 * Section.MAX_LENGTH - 1);
    }

    @Test
    void shouldRefuseOneCharacterOverTheLimitAndWriteNothing() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        db.assertWritesNothing(() -> save(report, JI.repeat(Section.MAX_LENGTH + 1)).statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("20000"))
                .body("fields.field", hasItem("sections.COUNTY_INDUSTRY")));
        db.assertWritesNothing(() -> save(report, "字".repeat(Section.MAX_LENGTH) + JI).statusCode(400)
                .contentType("application/problem+json"));
    }

    @Test
    void shouldCountALineBreakOnceHoweverItIsSent() {
        long report = Fixtures.newReport(Accounts.HAICANG);
        String half = "字".repeat(Section.MAX_LENGTH / 2 - 1);
        save(report, half + "\r\n" + half + "\r\n").statusCode(200).body("outline[0].length", equalTo(Section.MAX_LENGTH));
    }

    private io.restassured.response.ValidatableResponse save(long report, String text) {
        long version = Fixtures.version(Accounts.HAICANG, report);
        return as(Accounts.HAICANG).body(Map.of("version", version, "sections", Map.of("COUNTY_INDUSTRY", text)))
                .put("/api/reports/{id}/draft", report).then();
    }
}
