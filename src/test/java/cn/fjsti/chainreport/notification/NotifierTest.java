package cn.fjsti.chainreport.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.fjsti.chainreport.security.Account;
import cn.fjsti.chainreport.security.Role;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who a message reaches: the rules of {@link Notifier}'s recipients, on accounts made up for the purpose. */
@QuarkusTest
class NotifierTest {

    /** A real city (an account's region must exist); its demo account gets the message too, not counted here. */
    private static final String REGION = "350200";
    private static final String OTHER_REGION = "350205";
    /** Marks this test's messages, so that it counts and removes only them. */
    private static final String TITLE = "t-notifier 测试消息";

    @Inject
    Notifier notifier;

    @AfterEach
    void removeMadeUpAccounts() {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification.delete("title", TITLE);
            Account.delete("username like ?1", "t-notifier-%");
        });
    }

    @Test
    void shouldReachEveryEnabledBureauAccountOfTheRegionAndNoOneElse() {
        QuarkusTransaction.requiringNew().run(() -> {
            account("t-notifier-county-b", Role.COUNTY, REGION, true);
            account("t-notifier-county-a", Role.COUNTY, REGION, true);
            account("t-notifier-city", Role.CITY, REGION, true);
            account("t-notifier-county-off", Role.COUNTY, REGION, false);
            account("t-notifier-institute", Role.INSTITUTE, REGION, true);
            account("t-notifier-admin", Role.ADMIN, REGION, true);
            account("t-notifier-elsewhere", Role.COUNTY, OTHER_REGION, true);
        });

        QuarkusTransaction.requiringNew().run(() -> notifier.toRegion(REGION,
                Notifier.Message.of(null, Notification.Kind.REPORT_RETURNED, TITLE, "正文")));

        assertEquals(List.of("t-notifier-city", "t-notifier-county-a", "t-notifier-county-b"), recipients());
    }

    @Test
    void shouldReachEveryEnabledInstituteAccount() {
        QuarkusTransaction.requiringNew().run(() -> {
            account("t-notifier-institute-on", Role.INSTITUTE, REGION, true);
            account("t-notifier-institute-off", Role.INSTITUTE, REGION, false);
            account("t-notifier-admin", Role.ADMIN, REGION, true);
        });

        QuarkusTransaction.requiringNew().run(() -> notifier.toInstitute(
                Notifier.Message.of(null, Notification.Kind.REPORT_RETURNED, TITLE, "正文")));

        assertEquals(List.of("t-notifier-institute-on"), recipients());
    }

    private static void account(String username, Role role, String region, boolean enabled) {
        Account account = new Account(username, "not-a-hash", role, region, "测试账号");
        account.enabled = enabled;
        account.persist();
    }

    /** The made-up accounts this test's message reached (other tests may have disabled the demo accounts). */
    private static List<String> recipients() {
        return QuarkusTransaction.requiringNew().call(() -> Notification.<Notification>list("title = ?1 order by recipient", TITLE)
                .stream().map(n -> n.recipient).filter(r -> r.startsWith("t-notifier-")).toList());
    }
}
