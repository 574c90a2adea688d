package cn.fjsti.chainreport.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Audit records of security events that happen outside any user's action, such as a login paused after
 * repeated wrong passwords: written in a transaction of their own, so they stay even though the request fails.
 * Never pass a secret here.
 */
@ApplicationScoped
public class SecurityAudit {

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void record(String username, String action, String target, String remoteAddress) {
        new AuditEvent(clock.instant(), username, null, null, action, target, remoteAddress).persist();
    }
}
