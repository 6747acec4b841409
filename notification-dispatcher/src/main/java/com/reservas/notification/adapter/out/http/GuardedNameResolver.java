package com.reservas.notification.adapter.out.http;

import com.reservas.reservation.domain.webhook.ForbiddenAddresses;
import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The name resolver of the webhook HTTP client: resolves as the JDK does and refuses a name with
 * any forbidden address ({@link ForbiddenAddresses}). The connection goes to the address resolved
 * here, so the check and the connect see the same answer: a name that resolves to a public address
 * for the check and to 10.0.0.1 for the connect (DNS rebinding) cannot happen.
 */
final class GuardedNameResolver extends InetNameResolver {

  /** The group Reactor Netty takes. */
  static final AddressResolverGroup<InetSocketAddress> GROUP =
      new AddressResolverGroup<>() {
        @Override
        protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
          return new GuardedNameResolver(executor).asAddressResolver();
        }
      };

  GuardedNameResolver(EventExecutor executor) {
    super(executor);
  }

  @Override
  protected void doResolve(String host, Promise<InetAddress> promise) {
    try {
      promise.setSuccess(allowed(host).get(0));
    } catch (UnknownHostException | ForbiddenAddressException e) {
      promise.setFailure(e);
    }
  }

  @Override
  protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
    try {
      promise.setSuccess(allowed(host));
    } catch (UnknownHostException | ForbiddenAddressException e) {
      promise.setFailure(e);
    }
  }

  private static List<InetAddress> allowed(String host) throws UnknownHostException {
    List<InetAddress> addresses = List.of(InetAddress.getAllByName(host));
    if (addresses.stream().anyMatch(ForbiddenAddresses::isForbidden)) {
      throw new ForbiddenAddressException(host);
    }
    return addresses;
  }
}
