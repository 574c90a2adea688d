package cn.fjsti.chainreport.security;

import jakarta.inject.Inject;
import cn.fjsti.chainreport.common.HttpProblems;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses cross-site request forgery: every state-changing request (any method but GET, HEAD and OPTIONS,
 * logging in and out included) that a browser sends from another origin gets 403 before authentication runs.
 * A request is taken as the browser's own when its {@code Origin} names this service's host and port (another
 * port of the same host is another origin), or, without {@code Origin}, when {@code Sec-Fetch-Site} is absent,
 * {@code same-origin} or {@code none}. Scripts (curl, HTTP clients) send neither header and pass. Behind a
 * reverse proxy that rewrites {@code Host}, list the public origin in {@code chainreport.http.trusted-origins}.
 * Runs as a Vert.x filter of priority {@value #PRIORITY}, ahead of Quarkus's authentication (200).
 */
@ApplicationScoped
public class SameOriginCheck {

    static final int PRIORITY = 400;
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @Inject
    OriginSettings settings;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (SAFE.contains(request.method()) || sameOrigin(request)) {
            context.next();
            return;
        }
        HttpProblems.send(context, 403, "跨站请求被拒绝",
                "这个请求来自其他网站或端口，为保护您的账号已拒绝。请直接在本系统的页面中操作。");
    }

    boolean sameOrigin(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            String site = request.getHeader("Sec-Fetch-Site");
            return site == null || site.equals("same-origin") || site.equals("none");
        }
        String own = authority(origin);
        if (own == null) {
            return false;
        }
        if (settings.trustedOrigins().orElse(List.of()).stream().map(SameOriginCheck::authority).anyMatch(own::equals)) {
            return true;
        }
        String host = request.getHeader("Host");
        return host != null && own.equals(withPort(host.toLowerCase(Locale.ROOT), request.isSSL() ? "https" : "http"));
    }

    /** "host:port" of an origin such as {@code http://localhost:8080}; null for "null" or anything unreadable. */
    static String authority(String origin) {
        try {
            URI uri = URI.create(origin.strip());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return null;
            }
            int port = uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    private static String withPort(String host, String scheme) {
        boolean hasPort = host.startsWith("[") ? host.contains("]:") : host.contains(":");
        return hasPort ? host : host + ":" + (scheme.equals("https") ? 443 : 80);
    }
}
