/**
 * What every Reservas service shares, as a Spring Boot starter: {@link
 * com.reservas.starter.security} (Spring Security for WebFlux, operator credentials per purpose)
 * and {@link com.reservas.starter.web} (problem+json answers). Services add it as a dependency and
 * get it by auto-configuration; see the module README.
 */
package com.reservas.starter;
