package cn.fjsti.chainreport.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A report as it was submitted: frozen, never changed or deleted. */
@Entity
@Table(name = "report_revision")
public class ReportRevision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id")
    public Long reportId;

    public int number;

    /** The report's version that was submitted. */
    @Column(name = "report_version")
    public long reportVersion;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Embedded
    public ReportContent content;

    @ElementCollection
    @CollectionTable(name = "report_revision_unit", joinColumns = @JoinColumn(name = "revision_id"))
    @OrderColumn(name = "position")
    public List<StrengthUnit> units = new ArrayList<>();

    protected ReportRevision() {
    }

    /**
     * The text. Hibernate loads an embeddable whose columns are all null as null; that is read here as an
     * empty text rather than fixed in the entity, which would make every read a write.
     */
    public ReportContent content() {
        return content == null ? new ReportContent() : content;
    }

    ReportRevision(Report report, int number, String actor, Instant now) {
        this.reportId = report.id;
        this.number = number;
        this.reportVersion = report.version;
        this.submittedAt = now;
        this.submittedBy = actor;
        this.content = report.content().copy();
        report.units.forEach(unit -> units.add(unit.copy()));
    }

    public static List<ReportRevision> of(Long reportId) {
        return list("reportId = ?1 order by number", reportId);
    }
}
