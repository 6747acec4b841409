package com.reservas.reservation.adapter.out.persistence.connection;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Lifecycle;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.function.Supplier;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A driver connection whose commands run to their end even when their caller cancels; see {@link
 * CancellationSafeConnectionFactory}. It stays a {@link Lifecycle} so the pool still rolls back on
 * release.
 */
final class CancellationSafeConnection implements Connection, Lifecycle, Wrapped<Connection> {

  private final Connection delegate;
  private final ConnectionCommands commands = new ConnectionCommands();

  CancellationSafeConnection(Connection delegate) {
    this.delegate = delegate;
  }

  /** Results nobody reads any more are read to their end, so their rows are released. */
  Flux<Result> execute(Supplier<? extends Publisher<? extends Result>> execution) {
    return commands.run(execution, Result.class, CancellationSafeConnection::drain);
  }

  private static void drain(Result result) {
    Flux.from(result.getRowsUpdated()).subscribe(ignored -> {}, ignored -> {});
  }

  @Override
  public Statement createStatement(String sql) {
    return new CancellationSafeStatement(delegate.createStatement(sql), this);
  }

  @Override
  public Batch createBatch() {
    Batch batch = delegate.createBatch();
    return new Batch() {
      @Override
      public Batch add(String sql) {
        batch.add(sql);
        return this;
      }

      @Override
      public Publisher<? extends Result> execute() {
        return CancellationSafeConnection.this.execute(batch::execute);
      }
    };
  }

  @Override
  public Publisher<Void> beginTransaction() {
    return commands.run(() -> delegate.beginTransaction());
  }

  @Override
  public Publisher<Void> beginTransaction(TransactionDefinition definition) {
    return commands.run(() -> delegate.beginTransaction(definition));
  }

  @Override
  public Publisher<Void> commitTransaction() {
    return commands.run(() -> delegate.commitTransaction());
  }

  @Override
  public Publisher<Void> rollbackTransaction() {
    return commands.run(() -> delegate.rollbackTransaction());
  }

  @Override
  public Publisher<Void> createSavepoint(String name) {
    return commands.run(() -> delegate.createSavepoint(name));
  }

  @Override
  public Publisher<Void> releaseSavepoint(String name) {
    return commands.run(() -> delegate.releaseSavepoint(name));
  }

  @Override
  public Publisher<Void> rollbackTransactionToSavepoint(String name) {
    return commands.run(() -> delegate.rollbackTransactionToSavepoint(name));
  }

  @Override
  public Publisher<Void> setAutoCommit(boolean autoCommit) {
    return commands.run(() -> delegate.setAutoCommit(autoCommit));
  }

  @Override
  public Publisher<Void> setLockWaitTimeout(Duration timeout) {
    return commands.run(() -> delegate.setLockWaitTimeout(timeout));
  }

  @Override
  public Publisher<Void> setStatementTimeout(Duration timeout) {
    return commands.run(() -> delegate.setStatementTimeout(timeout));
  }

  @Override
  public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
    return commands.run(() -> delegate.setTransactionIsolationLevel(isolationLevel));
  }

  @Override
  public Publisher<Boolean> validate(ValidationDepth depth) {
    return commands.runOne(() -> delegate.validate(depth), Boolean.class, ignored -> {});
  }

  @Override
  public Publisher<Void> close() {
    return commands.run(() -> delegate.close());
  }

  @Override
  public Publisher<Void> postAllocate() {
    return delegate instanceof Lifecycle lifecycle
        ? commands.run(lifecycle::postAllocate)
        : Mono.empty();
  }

  @Override
  public Publisher<Void> preRelease() {
    return delegate instanceof Lifecycle lifecycle
        ? commands.run(lifecycle::preRelease)
        : Mono.empty();
  }

  @Override
  public boolean isAutoCommit() {
    return delegate.isAutoCommit();
  }

  @Override
  public ConnectionMetadata getMetadata() {
    return delegate.getMetadata();
  }

  @Override
  public IsolationLevel getTransactionIsolationLevel() {
    return delegate.getTransactionIsolationLevel();
  }

  @Override
  public Connection unwrap() {
    return delegate;
  }

  @Override
  public String toString() {
    return "CancellationSafeConnection[" + delegate + "]";
  }
}
