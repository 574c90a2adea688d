package cn.fjsti.chainreport.web;

import io.quarkus.arc.Arc;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Refusals on a page, as a person reads them: not logged in → the login page (coming back afterwards);
 * anything else → an HTML page with the same Chinese message the API would give, never a stack trace.
 */
@jakarta.enterprise.context.ApplicationScoped
@io.quarkus.arc.Unremovable // looked up by common.ProblemMapper
public class PageErrors implements cn.fjsti.chainreport.common.PageRefusals {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(PageErrors.class);

    /** Pages are everything the service answers outside the API, the platform endpoints and the login form. */
    public static boolean isPage(String path) {
        return cn.fjsti.chainreport.common.PageRefusals.isPage(path);
    }

    @Override
    public Response page(int status, String title, String detail, UriInfo uri) {
        return respond(status, title, detail, uri);
    }

    private static PageFrame plain(String title) {
        return new PageFrame(title, null, null, null, null, null, null, 0, java.util.List.of(), "", null, null);
    }

    public static Response respond(int status, String title, String detail, UriInfo uri) {
        if (status == 401) {
            String back = uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
            return Response.seeOther(URI.create("/login?next=" + URLEncoder.encode(back, StandardCharsets.UTF_8))).build();
        }
        PageFrame frame;
        if (io.vertx.core.Context.isOnEventLoopThread()) {
            // An address no page answers is refused on the I/O thread, before the login is read (it may block):
            // the page then has the navigation of someone not logged in (帮助, 登录), which is no failure to log.
            frame = plain(title);
        } else {
            try {
                frame = Arc.container().instance(Frames.class).get().bare(title);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Page frame unavailable for an error page on %s", uri.getPath());
                frame = plain(title);
            }
        }
        String html = Views.error(frame, status, title, detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
