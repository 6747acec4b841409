package com.reservas.starter.security;

import com.reservas.starter.ratelimit.FailedAuthenticationGuard;
import com.reservas.starter.web.ProblemWriter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Every refusal Spring Security makes, as problem+json: 400 for a request the firewall rejects
 * (encoded slashes, {@code ;}, {@code %25}, dot segments...), 401 without a valid credential, 403
 * with a credential that does not open the route. The bodies say what is missing, never why a
 * particular credential failed.
 */
public final class SecurityProblems {

  private final ProblemWriter problems;
  private final FailedAuthenticationGuard failures;

  public SecurityProblems(ProblemWriter problems, FailedAuthenticationGuard failures) {
    this.problems = problems;
    this.failures = failures;
  }

  /** The firewall's refusal. */
  public static ServerExchangeRejectedHandler firewallRejections(ProblemWriter problems) {
    return (ServerWebExchange exchange, ServerExchangeRejectedException rejected) ->
        problems.write(
            exchange,
            HttpStatus.BAD_REQUEST,
            "bad-request",
            "Bad request",
            "The request path is not in canonical form (encoded slashes, semicolons, dot segments"
                + " or encoded percent signs are refused)");
  }

  /**
   * 401 with a {@code WWW-Authenticate} challenge naming the header the credential belongs in, e.g.
   * {@code ApiKey header="X-Api-Key"}. Every 401 counts against the address's budget of failed
   * authentications ({@link FailedAuthenticationGuard}).
   */
  public ServerAuthenticationEntryPoint unauthorized(String challenge, String detail) {
    return (ServerWebExchange exchange, AuthenticationException failure) -> {
      failures.recordFailure(exchange);
      exchange.getResponse().getHeaders().set("WWW-Authenticate", challenge);
      return problems.write(
          exchange, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    };
  }

  /** 403: authenticated, but not for this route. */
  public ServerAccessDeniedHandler forbidden() {
    return (exchange, denied) ->
        problems.write(
            exchange,
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "Your credential does not open this endpoint");
  }
}
