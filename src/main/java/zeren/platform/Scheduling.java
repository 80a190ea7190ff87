package zeren.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Switches on {@code @Scheduled} jobs for the whole application, in one place. Modules write
 * their jobs so that every node may run them at once (a row lock or a unique key decides who
 * does the work), so no leader election is needed when the application runs on several nodes.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class Scheduling {
}
