package cn.fjsti.chainreport.notification;

import cn.fjsti.chainreport.security.Account;
import cn.fjsti.chainreport.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
        send(usernames("a.regionCode = ?1 and a.enabled = true and a.role in ?2", regionCode, List.of(Role.COUNTY, Role.CITY)),
                message);
    }

    public void toInstitute(Message message) {
        send(usernames("a.role = ?1 and a.enabled = true", Role.INSTITUTE), message);
    }

    private void send(List<String> recipients, Message m) {
        Instant now = clock.instant();
        for (String username : recipients) {
            new Notification(username, m.campaignId(), m.kind(), m.title(), m.body(), m.reportId(), now).persist();
        }
    }

    /** The user names only: whole accounts would be loaded and dirty-checked at every flush of a submission. */
    private static List<String> usernames(String where, Object... parameters) {
        var query = Account.getEntityManager().createQuery("select a.username from Account a where " + where + " order by a.username",
                String.class);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query.getResultList();
    }
}
