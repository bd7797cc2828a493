package org.gatehouse.cache;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.util.ClassUtils;

/**
 * The connection that listens for invalidations: held for the application's lifetime, so not one of the pool's
 * (a pool would count it as busy, and hand it out with its LISTEN still on when it is returned). With Hikari it is
 * opened with the pool's own settings; with another pool it is borrowed.
 */
final class ListenConnection {

	private static final boolean HIKARI = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			ListenConnection.class.getClassLoader());

	private ListenConnection() {
	}

	static Connection open(DataSource dataSource) throws SQLException {
		if (HIKARI && dataSource.isWrapperFor(HikariDataSource.class)) {
			return Hikari.open(dataSource.unwrap(HikariDataSource.class));
		}
		return dataSource.getConnection();
	}

	private static final class Hikari {

		static Connection open(HikariDataSource pool) throws SQLException {
			if (pool.getDataSource() != null) {
				return pool.getDataSource().getConnection();
			}
			Properties properties = new Properties();
			properties.putAll(pool.getDataSourceProperties());
			if (pool.getUsername() != null) {
				properties.setProperty("user", pool.getUsername());
			}
			if (pool.getPassword() != null) {
				properties.setProperty("password", pool.getPassword());
			}
			return DriverManager.getConnection(pool.getJdbcUrl(), properties);
		}
	}
}
