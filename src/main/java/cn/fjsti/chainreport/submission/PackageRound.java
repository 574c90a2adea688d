package cn.fjsti.chainreport.submission;

import cn.fjsti.chainreport.rules.DeadlinePolicy;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One sending of a package: when, by whom, on time or not, which reports, and the institute's decision. */
@Entity
@Table(name = "package_round")
public class PackageRound extends PanacheEntityBase {

    /** What the institute decided about a sending. */
    public enum Decision {
        ACCEPTED, RETURNED,
        /** Not the institute's: the unit withdrew the sending before the institute acted. */
        WITHDRAWN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "package_id")
    public Long packageId;

    public int number;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Column(name = "sent_by")
    public String sentBy;

    @Column(name = "on_time")
    public boolean onTime;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    public String comment;

    @ElementCollection
    @CollectionTable(name = "package_round_report", joinColumns = @JoinColumn(name = "round_id"))
    @Column(name = "report_id")
    public List<Long> reportIds = new ArrayList<>();

    protected PackageRound() {
    }

    PackageRound(CityPackage pkg, int number, Instant sentAt, String sentBy, Instant deadline, List<Long> reportIds) {
        this.packageId = pkg.id;
        this.number = number;
        this.sentAt = sentAt;
        this.sentBy = sentBy;
        this.onTime = DeadlinePolicy.onTime(sentAt, deadline);
        this.reportIds.addAll(reportIds);
    }

    void decide(Decision decision, String actor, String comment, Instant now) {
        this.decision = decision;
        this.decidedBy = actor;
        this.comment = comment;
        this.decidedAt = now;
    }
}
