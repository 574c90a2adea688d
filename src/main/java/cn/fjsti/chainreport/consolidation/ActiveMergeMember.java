package cn.fjsti.chainreport.consolidation;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A county report in an active merge. Keyed by the report, so the database itself refuses a second active merge
 * of one report; the row goes when the merge is undone.
 */
@Entity
@Table(name = "merge_active_member")
public class ActiveMergeMember extends PanacheEntityBase {

    @Id
    @Column(name = "report_id")
    public Long reportId;

    @Column(name = "group_id")
    public Long groupId;

    protected ActiveMergeMember() {
    }

    ActiveMergeMember(Long reportId, Long groupId) {
        this.reportId = reportId;
        this.groupId = groupId;
    }

    static long removeGroup(Long groupId) {
        return delete("groupId", groupId);
    }
}
