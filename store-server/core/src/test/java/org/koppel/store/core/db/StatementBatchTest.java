package org.koppel.store.core.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementBatchTest {

    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:h2:mem:batch" + System.nanoTime());
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private int rows() throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private void insert(int n) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
            StatementBatch batch = new StatementBatch(ps, n);
            for (int i = 0; i < n; i++) {
                ps.setInt(1, rows() + i + 1);
                batch.add();
            }
            batch.execute();
        }
    }

    @Test
    void oneRowIsWrittenWithoutABatch() throws SQLException {
        insert(1);
        assertEquals(1, rows());
    }

    @Test
    void severalRowsAreWrittenAsABatch() throws SQLException {
        insert(5);
        assertEquals(5, rows());
    }

    @Test
    void noRowsWriteNothing() throws SQLException {
        insert(0);
        assertEquals(0, rows());
    }

    @Test
    void aCountThatDoesNotMatchIsABug() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO t (id) VALUES (?)")) {
            StatementBatch fewer = new StatementBatch(ps, 2);
            ps.setInt(1, 1);
            fewer.add();
            assertThrows(IllegalStateException.class, fewer::execute);
            StatementBatch more = new StatementBatch(ps, 1);
            ps.setInt(1, 2);
            more.add();
            assertThrows(IllegalStateException.class, more::add);
        }
        assertEquals(0, rows());
    }
}
