package com.reservas.reservation.api;

import com.reservas.reservation.adapter.in.web.security.ApiClientDirectory;
import com.reservas.reservation.adapter.in.web.security.ApiKeyAuthentication;
import com.reservas.reservation.adapter.in.web.security.ApiKeyAuthenticationManager;
import com.reservas.reservation.adapter.in.web.security.ApiKeyHasher;
import com.reservas.reservation.adapter.in.web.security.RateLimitFilter;
import com.reservas.reservation.adapter.in.web.security.RateLimitProperties;
import com.reservas.starter.ratelimit.RequestLimits;
import com.reservas.starter.security.OperatorRole;
import com.reservas.starter.security.ServiceSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint;
import org.springframework.security.web.server.DelegatingServerAuthenticationEntryPoint.DelegateEntry;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.util.matcher.PathPatternParserServerWebExchangeMatcher;

/**
 * The API's one authorization decision per route, made by Spring Security on the routed path
 * (docs/SECURITY.md): {@code /api/**} needs an API key ({@value
 * ApiKeyAuthenticationManager#HEADER}), {@code /admin/api-clients/**} the key-administration
 * credential, {@code /admin/audit} the key-administration or operations credential; the OpenAPI
 * documents are open (when enabled); actuator rules and everything else come from the service
 * starter. The controllers require the same roles themselves ({@code @PreAuthorize}).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

  static final String[] OPENAPI_DOCUMENTS = {
    "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"
  };

  @Bean
  SecurityWebFilterChain apiSecurityWebFilterChain(
      ServerHttpSecurity http,
      ServiceSecurity security,
      ApiClientDirectory clients,
      ApiKeyHasher hasher,
      RateLimitProperties endpointLimits,
      RequestLimits limits) {
    ServerAuthenticationEntryPoint apiKeyMissing =
        security
            .problems()
            .unauthorized(
                "ApiKey header=\"" + ApiKeyAuthenticationManager.HEADER + "\"",
                "Send a valid API key in the " + ApiKeyAuthenticationManager.HEADER + " header");
    DelegatingServerAuthenticationEntryPoint entryPoint =
        new DelegatingServerAuthenticationEntryPoint(
            new DelegateEntry(
                new PathPatternParserServerWebExchangeMatcher("/api/**"), apiKeyMissing));
    entryPoint.setDefaultEntryPoint(security.operatorEntryPoint());

    AuthenticationWebFilter apiKeys =
        new AuthenticationWebFilter(new ApiKeyAuthenticationManager(clients, hasher));
    apiKeys.setServerAuthenticationConverter(ApiKeyAuthenticationManager::keyOf);
    apiKeys.setAuthenticationFailureHandler(
        new ServerAuthenticationEntryPointFailureHandler(apiKeyMissing));

    return security
        .configure(
            http,
            routes ->
                routes
                    .pathMatchers(OPENAPI_DOCUMENTS)
                    .permitAll()
                    .pathMatchers("/api/**")
                    .hasRole(ApiKeyAuthentication.ROLE)
                    .pathMatchers("/admin/api-clients/**")
                    .hasRole(OperatorRole.KEY_ADMINISTRATION.name())
                    .pathMatchers("/admin/audit/**")
                    .hasAnyRole(
                        OperatorRole.KEY_ADMINISTRATION.name(), OperatorRole.OPERATIONS.name()))
        .addFilterAt(apiKeys, SecurityWebFiltersOrder.AUTHENTICATION)
        .addFilterAfter(
            new RateLimitFilter(endpointLimits, limits), SecurityWebFiltersOrder.AUTHENTICATION)
        .exceptionHandling(handling -> handling.authenticationEntryPoint(entryPoint))
        .build();
  }
}
