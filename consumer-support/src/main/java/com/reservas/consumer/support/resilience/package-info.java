/** The resilience4j reactor pipeline around an external dependency. */
package com.reservas.consumer.support.resilience;
