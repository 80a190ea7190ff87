package zeren.platform;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Maps rows to records by column name: {@code last_id} (or {@code lastId}) to the component
 * {@code lastId}, with the value converted to the component's type (enums from their names,
 * timestamps to {@code Instant}/{@code LocalDate}). Use it where a hand {@code RowMapper} would only
 * copy columns:
 *
 * <pre>{@code
 * jdbc.sql("SELECT last_id, last_hash FROM audit_head").query(Rows.of(Head.class)).single();
 * }</pre>
 *
 * Unlike {@code JdbcClient.query(Head.class)}, which asks the driver for each camel-case name
 * first and falls back on the exception (an exception per row and field, which H2 also writes to
 * its trace file under a lock), it reads the result's column labels once per row and matches them
 * without case or underscores.
 */
public final class Rows<T> implements RowMapper<T> {

	private static final Map<Class<?>, Rows<?>> MAPPERS = new ConcurrentHashMap<>();

	private static final ConversionService CONVERSIONS = DefaultConversionService.getSharedInstance();

	private final Class<T> type;
	private final Constructor<T> constructor;
	private final RecordComponent[] components;
	private final String[] keys;

	private Rows(Class<T> type) {
		if (!type.isRecord()) {
			throw new IllegalArgumentException(type + " is not a record");
		}
		this.type = type;
		this.components = type.getRecordComponents();
		Class<?>[] parameters = new Class<?>[components.length];
		this.keys = new String[components.length];
		for (int i = 0; i < components.length; i++) {
			parameters[i] = components[i].getType();
			keys[i] = key(components[i].getName());
		}
		try {
			this.constructor = type.getDeclaredConstructor(parameters);
			this.constructor.setAccessible(true);
		}
		catch (NoSuchMethodException e) {
			throw new IllegalStateException(e);
		}
	}

	@SuppressWarnings("unchecked")
	public static <T> Rows<T> of(Class<T> type) {
		return (Rows<T>) MAPPERS.computeIfAbsent(type, Rows::new);
	}

	private static String key(String name) {
		return name.replace("_", "").toLowerCase(Locale.ROOT);
	}

	@Override
	public T mapRow(ResultSet rs, int rowNum) throws SQLException {
		ResultSetMetaData meta = rs.getMetaData();
		Map<String, Integer> columns = new HashMap<>();
		for (int c = meta.getColumnCount(); c >= 1; c--) {
			columns.put(key(JdbcUtils.lookupColumnName(meta, c)), c);
		}
		Object[] args = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			Integer index = columns.get(keys[i]);
			if (index == null) {
				throw new IllegalStateException("no column for " + type.getSimpleName() + "." + components[i].getName());
			}
			Class<?> target = components[i].getType();
			Object value = JdbcUtils.getResultSetValue(rs, index, target);
			if (value != null && !target.isInstance(value) && !(target.isPrimitive())) {
				value = CONVERSIONS.convert(value, TypeDescriptor.forObject(value), new TypeDescriptor(
						new org.springframework.core.MethodParameter(constructor, i)));
			}
			else if (value != null && target.isPrimitive()) {
				value = CONVERSIONS.convert(value, target);
			}
			else if (value == null && target.isPrimitive()) {
				value = CONVERSIONS.convert(0, target);
				if (target == boolean.class) {
					value = false;
				}
			}
			args[i] = value;
		}
		try {
			return constructor.newInstance(args);
		}
		catch (ReflectiveOperationException e) {
			throw new IllegalStateException("cannot make " + type.getSimpleName(), e);
		}
	}
}
