package cn.fjsti.chainreport.security;

import cn.fjsti.chainreport.common.HttpProblems;
import cn.fjsti.chainreport.common.ProblemMapper;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a failed login is told, wherever it fails: the login form ({@code POST /j_security_check}, refused by
 * the HTTP layer before any resource) and HTTP Basic or an ended cookie (refused at a resource). Both say
 * {@link LoginSettings#failedLoginMessage()}, the pause rule with the configured figures, as 401
 * application/problem+json. The login page shows the same text ({@code Pages#login}).
 */
@ApplicationScoped
public class FailedLogins {

    static final String LOGIN = "/j_security_check";
    /** Ahead of the HTTP layer's general refusals (common.HttpRefusals, order -3). */
    private static final int ORDER = -4;

    @Inject
    LoginSettings settings;

    void install(@Observes Router router) {
        router.route(LOGIN).order(ORDER).failureHandler(this::failure);
    }

    private void failure(RoutingContext ctx) {
        if (ctx.failure() instanceof AuthenticationFailedException && !ctx.response().ended() && !ctx.response().headWritten()) {
            HttpProblems.send(ctx, 401, "未登录", settings.failedLoginMessage());
        } else {
            ctx.next();
        }
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return ProblemMapper.respond(401, "未登录", settings.failedLoginMessage(), uri, List.of(), Map.of());
    }
}
