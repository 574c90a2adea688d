package cn.fjsti.chainreport.common;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * How a refusal reaches a person on a page rather than a script: the pages (package {@code web}) implement it
 * as a bean, so that this package, which every feature uses, depends on none of them.
 */
public interface PageRefusals {

    /** Pages are everything the service answers outside the API, the platform endpoints and the login form. */
    static boolean isPage(String path) {
        return path != null && !path.startsWith("/api/") && !path.equals("/api") && !path.startsWith("/q/")
                && !path.equals("/j_security_check");
    }

    /** The refusal as a page: 401 → a redirect to the login page, anything else an HTML page with the same Chinese text. */
    Response page(int status, String title, String detail, UriInfo uri);
}
