-- Work that must run in one replica at a time (the status projector's stuck-reservation policy)
-- runs under a lease: its holder renews it before it expires; another replica waits as a hot
-- standby and takes the lease over once it has expired (the holder died) or was released (the
-- holder stopped). Times are the database's own clock, so replicas' clocks need not agree.
CREATE TABLE policy_lease (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  holder     VARCHAR(128) NOT NULL,
  expires_at TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB;
