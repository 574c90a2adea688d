package cn.fjsti.chainreport.submission;

import java.time.OffsetDateTime;
import java.util.List;

/** Responses of the package and board API. */
public final class PackageViews {

    private PackageViews() {
    }

    /** A report carried by a package. */
    public record Item(Long reportId, String authorRegion, String authorName, String kind, String chain, String title) {
    }

    /** One sending and the institute's decision on it. */
    public record Round(int number, OffsetDateTime sentAt, String sentBy, boolean onTime, String decision,
                        OffsetDateTime decidedAt, String decidedBy, String comment, List<Long> reportIds) {
    }

    /**
     * A unit's package: where it stands, what is missing (blocks sending), what it would carry, its history;
     * {@code repeatedChains}: chains several counties wrote that are not merged yet (a warning, sending is not blocked).
     */
    public record Package(Long campaignId, String unitCode, String unitName, String stage, String stageLabel,
                          OffsetDateTime deadline, OffsetDateTime internalDeadline, long daysLeft, boolean overdue,
                          OffsetDateTime overdueMarkedAt, boolean canSend, List<String> missing, List<Item> contents,
                          List<Round> rounds, List<OffsetDateTime> pendingTimers, List<String> repeatedChains) {
    }

    /** An extension: the campaign's deadline after it, the new deadline, and the units whose deadline moved. */
    public record Extension(Long campaignId, OffsetDateTime campaignDeadline, OffsetDateTime deadline, List<String> unitsExtended) {
    }

    /** One unit on the institute's board; deadline is the unit's own (extended when it differs from the campaign's). */
    public record BoardRow(String unitCode, String unitName, int countiesTotal, long countiesDeclared,
                           long countiesCovered, long reportsDrafting, long reportsUnderReview, long reportsApproved,
                           long reportsMerged, long cityReports, String stage, String stageLabel,
                           OffsetDateTime sentAt, Boolean onTime, long daysLeft, long daysLate, boolean overdue,
                           int rounds, OffsetDateTime deadline, boolean extended) {
    }

    /** The deadline board of a campaign. */
    public record Board(Long campaignId, int year, OffsetDateTime deadline, String deadlineText, OffsetDateTime now,
                        long daysLeft, boolean campaignEnded, long unitsAccepted, long unitsSent, long unitsLate,
                        List<BoardRow> units) {
    }
}
