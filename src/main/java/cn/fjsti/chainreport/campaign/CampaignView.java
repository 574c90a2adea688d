package cn.fjsti.chainreport.campaign;

import cn.fjsti.chainreport.common.Times;
import java.time.OffsetDateTime;
import java.util.List;

/** A campaign as the API shows it; deadlines in Beijing time. */
public record CampaignView(Long id, int year, String title, OffsetDateTime deadline, String deadlineText,
                           OffsetDateTime openedAt, String openedBy, List<PilotView> pilots) {

    /** A pilot county with its designated chains. */
    public record PilotView(String countyCode, String countyName, List<String> chains) {
    }

    static CampaignView of(Campaign c, List<PilotView> pilots) {
        OffsetDateTime deadline = Times.beijing(c.deadline);
        return new CampaignView(c.id, c.year, c.title, deadline, Times.text(c.deadline),
                Times.beijing(c.openedAt), c.openedBy, pilots);
    }
}
