package cn.fjsti.chainreport.notification;

import cn.fjsti.chainreport.campaign.Campaign;
import cn.fjsti.chainreport.common.ApiTags;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import cn.fjsti.chainreport.common.ApiException;
import cn.fjsti.chainreport.common.Times;
import cn.fjsti.chainreport.security.CurrentUser;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's inbox. */
@Tag(name = ApiTags.GENERAL)
@Path("/api/notifications")
@Authenticated
public class NotificationResource {

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    /**
     * A message as the inbox shows it; {@code campaignTitle} names the campaign it is about (every message is about
     * one), so that messages of two open campaigns are told apart.
     */
    public record NotificationView(Long id, String kind, String kindLabel, String title, String body, Long campaignId,
                                   String campaignTitle, Long reportId, OffsetDateTime createdAt, boolean read) {
        static NotificationView of(Notification n, Map<Long, String> campaignTitles) {
            return new NotificationView(n.id, n.kind.name(), n.kind.label(), n.title, n.body, n.campaignId,
                    campaignTitles.get(n.campaignId), n.reportId, Times.beijing(n.createdAt), n.readAt != null);
        }
    }

    /** Every campaign's title by id: a handful of rows (one campaign a year). */
    private static Map<Long, String> campaignTitles() {
        return Campaign.<Campaign>listAll().stream().collect(Collectors.toMap(c -> c.id, c -> c.title));
    }

    /** The inbox: the unread count and the newest messages first. */
    public record Inbox(long unread, List<NotificationView> items) {
    }

    @GET
    @Transactional
    @Operation(summary = "我的消息", description = "提醒、退回、接收等消息，最新的在前；unreadOnly=true 只看未读")
    public Inbox inbox(@QueryParam("unreadOnly") boolean unreadOnly) {
        long unread = Notification.count("recipient = ?1 and readAt is null", user.username());
        List<Notification> items = unreadOnly
                ? Notification.list("recipient = ?1 and readAt is null order by id desc", user.username())
                : Notification.find("recipient = ?1 order by id desc", user.username()).page(0, 200).list();
        Map<Long, String> titles = campaignTitles();
        return new Inbox(unread, items.stream().map(n -> NotificationView.of(n, titles)).toList());
    }

    /** How many messages "mark all read" marked. */
    public record Marked(int marked) {
    }

    @POST
    @Path("/read-all")
    @Transactional
    @Operation(summary = "全部标为已读", description = "只影响本人的消息；已读的不变")
    public Marked markAllRead() {
        return new Marked(Notification.update("readAt = ?1 where recipient = ?2 and readAt is null", clock.instant(), user.username()));
    }

    /**
     * One page of the inbox for the page /inbox, newest first, optionally unread only or containing a text
     * (title or body). Bounds and refusals: {@link cn.fjsti.chainreport.common.Paging}.
     */
    @Transactional
    public cn.fjsti.chainreport.common.Paging<NotificationView> page(boolean unreadOnly, String q, int page, int size, String base) {
        StringBuilder where = new StringBuilder("recipient = :me");
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("me", user.username());
        if (unreadOnly) {
            where.append(" and readAt is null");
        }
        if (q != null) {
            where.append(" and (lower(title) like :q escape '!' or lower(body) like :q escape '!')");
            params.put("q", "%" + q.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        long total = Notification.count(where.toString(), params);
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int shown = Math.min(page, pages);
        Map<Long, String> titles = campaignTitles();
        List<NotificationView> items = Notification.<Notification>find(where + " order by id desc", params)
                .page(shown - 1, size).list().stream().map(n -> NotificationView.of(n, titles)).toList();
        return new cn.fjsti.chainreport.common.Paging<>(items, shown, size, total, base);
    }

    /** The unread count of the caller. */
    @Transactional
    public long unread() {
        return Notification.count("recipient = ?1 and readAt is null", user.username());
    }

    @POST
    @Path("/{id}/read")
    @Transactional
    @Operation(summary = "标记为已读")
    public NotificationView markRead(@PathParam("id") Long id) {
        Notification n = Notification.<Notification>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("没有这条消息"));
        if (!Objects.equals(n.recipient, user.username())) {
            throw ApiException.forbidden("这不是您的消息");
        }
        n.markRead(clock.instant());
        return NotificationView.of(n, campaignTitles());
    }
}
