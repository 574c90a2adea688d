package cn.fjsti.chainreport.campaign;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.util.List;

/** A chain that a pilot county (试点县) must cover in a campaign, as entered by the administrator. */
@Entity
@jakarta.persistence.Table(name = "pilot_chain")
public class PilotChain extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public Long campaignId;

    @Column(name = "county_code")
    public String countyCode;

    @Column(name = "chain_name")
    public String chainName;

    @Column(name = "chain_key")
    public String chainKey;

    protected PilotChain() {
    }

    public PilotChain(Long campaignId, String countyCode, String chainName, String chainKey) {
        this.campaignId = campaignId;
        this.countyCode = countyCode;
        this.chainName = chainName;
        this.chainKey = chainKey;
    }

    public static List<PilotChain> of(Long campaignId) {
        return list("campaignId = ?1 order by countyCode, id", campaignId);
    }

    public static List<PilotChain> of(Long campaignId, String countyCode) {
        return list("campaignId = ?1 and countyCode = ?2 order by id", campaignId, countyCode);
    }
}
