/** RFC 9457 problem details written the same way by every service. */
package com.reservas.starter.web;
