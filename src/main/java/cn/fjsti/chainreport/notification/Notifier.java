package cn.fjsti.chainreport.notification;

import cn.fjsti.chainreport.security.Account;
import cn.fjsti.chainreport.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.FlushModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Puts messages in inboxes, in the caller's transaction (so a rolled-back step sends nothing).
 * A region's message goes to every enabled account of that region; the institute's to every INSTITUTE account.
 */
@ApplicationScoped
public class Notifier {

    @Inject
    Clock clock;

    /** A message about a campaign, optionally about one report. */
    public record Message(Long campaignId, Notification.Kind kind, String title, String body, Long reportId) {

        public static Message of(Long campaignId, Notification.Kind kind, String title, String body) {
            return new Message(campaignId, kind, title, body, null);
        }
    }

    public void toRegion(String regionCode, Message message) {
        send(recipients(Account.ENABLED_OF_REGION, regionCode).stream()
                .filter(r -> r[1] == Role.COUNTY || r[1] == Role.CITY).map(r -> (String) r[0]).toList(), message);
    }

    public void toInstitute(Message message) {
        send(recipients(Account.ENABLED_WITH_ROLE, Role.INSTITUTE).stream().map(r -> (String) r[0]).toList(), message);
    }

    private void send(List<String> recipients, Message m) {
        Instant now = clock.instant();
        for (String username : recipients) {
            new Notification(username, m.campaignId(), m.kind(), m.title(), m.body(), m.reportId(), now).persist();
        }
    }

    /**
     * User name and role of the accounts of one of Account's named queries: not whole accounts, which would be
     * loaded and dirty-checked at every flush of a submission. Named queries are parsed once at start-up; no list
     * parameter (Hibernate would translate the query to SQL anew at each call): the role is checked here. No flush
     * before it: the callers' transactions change reports and tasks, never accounts, so what they hold cannot
     * alter the answer, and checking every entity of a submission for changes cost more than the query.
     */
    private static List<Object[]> recipients(String namedQuery, Object parameter) {
        return Account.getEntityManager().createNamedQuery(namedQuery, Object[].class).setParameter(1, parameter)
                .setFlushMode(FlushModeType.COMMIT).getResultList();
    }
}
