package cn.fjsti.chainreport.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A review decision on one submitted revision, with the reviewer's comment: the report's review history. */
@Entity
@Table(name = "review_comment")
public class ReviewComment extends PanacheEntityBase {

    /** What the reviewer decided, or what else moved the report back to drafting. */
    public enum Decision {
        APPROVED("通过"),
        RETURNED("退回修改"),
        /** The county withdrew its submission before the city acted. */
        WITHDRAWN("县撤回修改"),
        /** The city reopened the report after the institute returned the package; the comment carries the institute's. */
        REOPENED("材料退回，重新打开");

        private final String label;

        Decision(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "report_id")
    public Long reportId;

    @Column(name = "revision_number")
    public int revisionNumber;

    @Enumerated(EnumType.STRING)
    public Decision decision;

    public String comment;

    public String actor;

    @Column(name = "created_at")
    public Instant createdAt;

    protected ReviewComment() {
    }

    public ReviewComment(Report report, Decision decision, String comment, String actor, Instant now) {
        this.reportId = report.id;
        this.revisionNumber = report.revisionCount;
        this.decision = decision;
        this.comment = comment;
        this.actor = actor;
        this.createdAt = now;
    }

    public static List<ReviewComment> of(Long reportId) {
        return list("reportId = ?1 order by id", reportId);
    }
}
