/** The key settings of the event token seal, for the services that hold the key. */
package com.reservas.starter.seal;
