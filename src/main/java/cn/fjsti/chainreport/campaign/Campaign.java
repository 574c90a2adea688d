package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.common.ClockProducer;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.Optional;

/** The yearly survey campaign: its year, title and deadline. Its flow is the Process_Campaign instance. */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_year")
    public int year;

    public String title;

    /** The last instant at which a package is on time (inclusive). */
    public Instant deadline;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "opened_by")
    public String openedBy;

    @Column(name = "process_instance_id")
    public String processInstanceId;

    @Version
    public long version;

    protected Campaign() {
    }

    public Campaign(int year, String title, Instant deadline, Instant openedAt, String openedBy) {
        this.year = year;
        this.title = title;
        this.deadline = deadline;
        this.openedAt = openedAt;
        this.openedBy = openedBy;
    }

    /** The notice's default: the end of October of the campaign year, 23:59:59 in Asia/Shanghai. */
    public static Instant defaultDeadline(int year) {
        return LocalDateTime.of(Year.of(year).getValue(), 10, 31, 23, 59, 59).atZone(ClockProducer.ZONE).toInstant();
    }

    public static String defaultTitle(int year) {
        return year + "年度县域重点产业创新链调研";
    }

    public static Optional<Campaign> byYear(int year) {
        return find("year", year).firstResultOptional();
    }
}
