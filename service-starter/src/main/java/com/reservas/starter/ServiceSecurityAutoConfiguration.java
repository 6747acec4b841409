package com.reservas.starter;

import com.reservas.starter.ratelimit.FailedAuthenticationGuard;
import com.reservas.starter.ratelimit.OperatorRequestLimit;
import com.reservas.starter.ratelimit.RateLimitSettings;
import com.reservas.starter.ratelimit.RequestLimits;
import com.reservas.starter.security.OperatorAuthenticationManager;
import com.reservas.starter.security.OperatorCredentialsCheck;
import com.reservas.starter.security.OperatorProperties;
import com.reservas.starter.security.OperatorRole;
import com.reservas.starter.security.SecurityProblems;
import com.reservas.starter.security.ServiceSecurity;
import com.reservas.starter.web.ClientAddressProperties;
import com.reservas.starter.web.ClientAddresses;
import com.reservas.starter.web.ProblemWriter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security for every Reservas service (WebFlux): the strict firewall, problem+json refusals,
 * operator authentication per purpose, method security for controllers that check their role
 * themselves, and — unless the service declares its own {@link SecurityWebFilterChain} — a chain
 * that opens {@code /admin/**} to the operations credential only. Runs before Spring Boot's
 * security auto-configuration, which then backs off (no generated user, no default chain).
 */
@AutoConfiguration(
    after = ProblemDetailsAutoConfiguration.class,
    beforeName = {
      "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration",
      "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"
    })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@EnableConfigurationProperties({
  OperatorProperties.class,
  RateLimitSettings.class,
  ClientAddressProperties.class
})
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class ServiceSecurityAutoConfiguration {

  /** Where requests come from, as far as the trusted proxies say (docs/SECURITY.md). */
  @Bean
  @ConditionalOnMissingBean
  public ClientAddresses clientAddresses(ClientAddressProperties properties) {
    return new ClientAddresses(properties.trustedProxies(), properties.forwardedHeader());
  }

  @Bean
  public RequestLimits requestLimits(
      RateLimitSettings settings, ClientAddresses addresses, ProblemWriter problems) {
    return new RequestLimits(settings, addresses, problems);
  }

  /** The firewall's refusals as problem+json (400). */
  @Bean
  public ServerExchangeRejectedHandler firewallRejections(ProblemWriter problems) {
    return SecurityProblems.firewallRejections(problems);
  }

  /**
   * Spring Security's strict firewall, stated rather than assumed: it refuses encoded slashes and
   * periods, {@code ;}, {@code %25}, backslashes, control characters and non-normalised paths
   * before any rule is evaluated.
   */
  @Bean
  public ServerWebExchangeFirewall strictFirewall() {
    return new StrictServerWebExchangeFirewall();
  }

  /**
   * The service's one authentication manager bean (the API adds its API keys in its chain). The
   * service does not start with placeholder, short or shared operator credentials outside the
   * {@code local} profile ({@link OperatorCredentialsCheck}).
   */
  @Bean
  public OperatorAuthenticationManager operatorAuthenticationManager(
      OperatorProperties properties, Environment environment) {
    OperatorCredentialsCheck.check(properties, environment);
    return new OperatorAuthenticationManager(properties);
  }

  /**
   * The shared part of every chain. Its filters are not beans: WebFlux would run every WebFilter
   * bean a second time, outside the security chain.
   */
  @Bean
  public ServiceSecurity serviceSecurity(
      OperatorAuthenticationManager operators, ProblemWriter problems, RequestLimits limits) {
    FailedAuthenticationGuard failedAuthentications = new FailedAuthenticationGuard(limits);
    return new ServiceSecurity(
        operators,
        new SecurityProblems(problems, failedAuthentications),
        failedAuthentications,
        new OperatorRequestLimit(limits));
  }

  /** Services whose only clients are operators: {@code /admin/**} needs the operations role. */
  @Bean
  @ConditionalOnMissingBean(SecurityWebFilterChain.class)
  public SecurityWebFilterChain operatorSecurityWebFilterChain(
      ServerHttpSecurity http, ServiceSecurity security) {
    return security
        .configure(
            http,
            routes -> routes.pathMatchers("/admin/**").hasRole(OperatorRole.OPERATIONS.name()))
        .build();
  }
}
