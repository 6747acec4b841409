package com.reservas.reservation.adapter.out.persistence.connection;

import io.r2dbc.spi.Result;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.Wrapped;
import org.reactivestreams.Publisher;

/** A driver statement whose execution runs to its end; see {@link CancellationSafeConnection}. */
final class CancellationSafeStatement implements Statement, Wrapped<Statement> {

  private final Statement delegate;
  private final CancellationSafeConnection connection;

  CancellationSafeStatement(Statement delegate, CancellationSafeConnection connection) {
    this.delegate = delegate;
    this.connection = connection;
  }

  @Override
  public Statement add() {
    delegate.add();
    return this;
  }

  @Override
  public Statement bind(int index, Object value) {
    delegate.bind(index, value);
    return this;
  }

  @Override
  public Statement bind(String name, Object value) {
    delegate.bind(name, value);
    return this;
  }

  @Override
  public Statement bindNull(int index, Class<?> type) {
    delegate.bindNull(index, type);
    return this;
  }

  @Override
  public Statement bindNull(String name, Class<?> type) {
    delegate.bindNull(name, type);
    return this;
  }

  @Override
  public Statement returnGeneratedValues(String... columns) {
    delegate.returnGeneratedValues(columns);
    return this;
  }

  @Override
  public Statement fetchSize(int rows) {
    delegate.fetchSize(rows);
    return this;
  }

  @Override
  public Publisher<? extends Result> execute() {
    return connection.execute(delegate::execute);
  }

  @Override
  public Statement unwrap() {
    return delegate;
  }
}
