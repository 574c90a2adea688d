package cn.fjsti.chainreport.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One state change: who, in which role and region, did what to which target, when, from where. Never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", updatable = false)
    public Instant occurredAt;

    @Column(updatable = false)
    public String username;

    @Column(updatable = false)
    public String role;

    @Column(name = "region_code", updatable = false)
    public String regionCode;

    @Column(updatable = false)
    public String action;

    @Column(updatable = false)
    public String target;

    @Column(name = "remote_address", updatable = false)
    public String remoteAddress;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String username, String role, String regionCode, String action, String target,
               String remoteAddress) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.role = role;
        this.regionCode = regionCode;
        this.action = action;
        this.target = target;
        this.remoteAddress = remoteAddress;
    }
}
