/**
 * Request limits shared by the services: bounded per-key resilience4j limiters, 429 answers with
 * {@code Retry-After}, and the two limits every service applies (failed authentications and
 * operator requests per client address).
 */
package com.reservas.starter.ratelimit;
