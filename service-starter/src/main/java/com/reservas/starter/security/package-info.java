/**
 * Spring Security for the services: one {@code SecurityWebFilterChain} per service, built by {@link
 * com.reservas.starter.security.ServiceSecurity}, decides on the routed path (never on how it is
 * spelled) behind the strict request firewall; operators authenticate with one credential per
 * purpose ({@link com.reservas.starter.security.OperatorRole}).
 */
package com.reservas.starter.security;
