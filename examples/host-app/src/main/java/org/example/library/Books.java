package org.example.library;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The application's own table (db/migration/V1__books.sql), beside Gatehouse's in the same database. */
@Repository
class Books {

	private final JdbcClient jdbc;

	Books(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Book> all() {
		return jdbc.sql("select id, title, author from book order by title").query(Book.class).list();
	}
}
