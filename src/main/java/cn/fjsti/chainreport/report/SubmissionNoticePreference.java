package cn.fjsti.chainreport.report;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How a city-level unit hears of its counties' submissions; no row means {@link Mode#EACH}. */
@Entity
@Table(name = "submission_notice_preference")
public class SubmissionNoticePreference extends PanacheEntityBase {

    /** One message per submission, or one digest a day. */
    public enum Mode {
        EACH, DAILY
    }

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Enumerated(EnumType.STRING)
    public Mode mode;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "updated_by")
    public String updatedBy;

    protected SubmissionNoticePreference() {
    }

    SubmissionNoticePreference(String unitCode) {
        this.unitCode = unitCode;
    }

    static Mode of(String unitCode) {
        SubmissionNoticePreference p = findById(unitCode);
        return p == null ? Mode.EACH : p.mode;
    }
}
