package cn.fjsti.chainreport.notification;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A message in one account's inbox. */
@Entity
public class Notification extends PanacheEntityBase {

    /** What the message is about. */
    public enum Kind {
        REMINDER("截止提醒"),
        OVERDUE("逾期"),
        REPORT_RETURNED("报告退回"),
        REPORT_APPROVED("报告通过"),
        PACKAGE_SENT("材料报送"),
        PACKAGE_RETURNED("材料退回"),
        PACKAGE_ACCEPTED("材料接收"),
        REPORT_WITHDRAWN("报告撤回"),
        REPORT_REOPENED("报告重新打开"),
        PACKAGE_WITHDRAWN("材料撤回"),
        CHASE("催办"),
        REPORT_SUBMITTED("报告提交"),
        SUBMISSION_DIGEST("提交汇总");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The account's user name. */
    public String recipient;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    public String title;

    public String body;

    @Column(name = "report_id")
    public Long reportId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;

    protected Notification() {
    }

    Notification(String recipient, Long campaignId, Kind kind, String title, String body, Long reportId, Instant now) {
        this.recipient = recipient;
        this.campaignId = campaignId;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.reportId = reportId;
        this.createdAt = now;
    }

    public void markRead(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }
}
