package com.reservas.starter.security;

import com.reservas.starter.ratelimit.FailedAuthenticationGuard;
import com.reservas.starter.ratelimit.OperatorRequestLimit;
import org.springframework.boot.security.autoconfigure.actuate.web.reactive.EndpointRequest;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * The part of every service's {@code SecurityWebFilterChain} that is the same everywhere. Every
 * rule is a path pattern matched on the routed (decoded, normalised) path, the same one the handler
 * mappings use, behind the strict request firewall: there is no spelling of a route that reaches
 * its handler without meeting its rule.
 *
 * <ul>
 *   <li>stateless: no session, no CSRF token (no cookies are ever issued), no login pages;
 *   <li>an address that failed authentication too often is refused before authentication ({@link
 *       FailedAuthenticationGuard}); operators authenticate with their purpose's credential ({@link
 *       OperatorAuthenticationManager}) and their requests are limited per address ({@link
 *       OperatorRequestLimit});
 *   <li>actuator (on the management port when there is one): health open (details only for
 *       operations), Prometheus for the metrics credential, everything else for operations;
 *   <li>the service's own routes ({@code routes}), then everything else denied.
 * </ul>
 */
public final class ServiceSecurity {

  private final OperatorAuthenticationManager operators;
  private final SecurityProblems problems;
  private final FailedAuthenticationGuard failedAuthentications;
  private final OperatorRequestLimit operatorRequests;

  public ServiceSecurity(
      OperatorAuthenticationManager operators,
      SecurityProblems problems,
      FailedAuthenticationGuard failedAuthentications,
      OperatorRequestLimit operatorRequests) {
    this.operators = operators;
    this.problems = problems;
    this.failedAuthentications = failedAuthentications;
    this.operatorRequests = operatorRequests;
  }

  /** The operator challenge, for services whose only clients are operators. */
  public ServerAuthenticationEntryPoint operatorEntryPoint() {
    return problems.unauthorized(
        "Token header=\"X-Admin-Token\"", "Send the operator credential of this purpose");
  }

  public SecurityProblems problems() {
    return problems;
  }

  /**
   * Applies the shared configuration to {@code http} with the service's own route rules; the caller
   * may add filters (another authentication) and then builds the chain.
   */
  public ServerHttpSecurity configure(
      ServerHttpSecurity http, Customizer<AuthorizeExchangeSpec> routes) {
    AuthenticationWebFilter operatorAuthentication = new AuthenticationWebFilter(operators);
    operatorAuthentication.setServerAuthenticationConverter(operators::credentialOf);
    operatorAuthentication.setAuthenticationFailureHandler(
        new ServerAuthenticationEntryPointFailureHandler(operatorEntryPoint()));
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .anonymous(ServerHttpSecurity.AnonymousSpec::disable)
        .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint(operatorEntryPoint())
                    .accessDeniedHandler(problems.forbidden()))
        .addFilterBefore(failedAuthentications, SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterAt(operatorAuthentication, SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterAfter(operatorRequests, SecurityWebFiltersOrder.AUTHENTICATION)
        .authorizeExchange(
            exchanges -> {
              exchanges.matchers(EndpointRequest.to("health")).permitAll();
              exchanges
                  .matchers(EndpointRequest.to("prometheus"))
                  .hasRole(OperatorRole.METRICS.name());
              exchanges
                  .matchers(EndpointRequest.toAnyEndpoint())
                  .hasRole(OperatorRole.OPERATIONS.name());
              routes.customize(exchanges);
              exchanges.anyExchange().denyAll();
            });
  }
}
