package zeren.access.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.transaction.support.TransactionTemplate;

import zeren.audit.AuditTrail;
import zeren.platform.BusinessClock;

/**
 * Two filter chains: the JSON API (HTTP Basic or bearer tokens, no session, 401/403 as problem
 * details) and the pages (form login, session, CSRF on every form). Both send security headers,
 * with a Content-Security-Policy that allows no inline script.
 */
@Configuration(proxyBeanMethods = false)
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication(
		type = org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
			+ "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The pages' login: form login, in the page lane of the password checks. */
	@Bean
	AuthenticationManager authenticationManager(PasswordLogin passwordLogin) {
		return manager(passwordLogin, PasswordChecks.Lane.PAGE);
	}

	private static AuthenticationManager manager(PasswordLogin passwordLogin, PasswordChecks.Lane lane) {
		ProviderManager manager = new ProviderManager(passwordLogin.provider(lane));
		manager.setEraseCredentialsAfterAuthentication(true);
		return manager;
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.frameOptions(frame -> frame.deny())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, PasswordLogin passwordLogin, ProblemResponses problems,
			JdbcClient jdbc, BusinessClock clock) throws Exception {
		headers(http);
		// the metrics for Prometheus: a scraper signs in like automation, with a token or Basic
		http.securityMatcher("/api/**", "/actuator/prometheus")
				// HTTP Basic in its own lane of password checks: a flood of it cannot keep page users from signing in
				.authenticationManager(manager(passwordLogin, PasswordChecks.Lane.API))
				.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.httpBasic(basic -> basic.authenticationEntryPoint(problems.unauthorized()))
				.addFilterBefore(new BearerTokens(jdbc, clock, problems.unauthorized()), BasicAuthenticationFilter.class)
				.exceptionHandling(e -> e.authenticationEntryPoint(problems.unauthorized())
						.accessDeniedHandler(problems.forbidden()))
				.authorizeHttpRequests(auth -> auth
						// the API description holds no data; its UI page itself needs a login
						.requestMatchers("/api/v1/openapi", "/api/v1/openapi/**").permitAll()
						.anyRequest().authenticated());
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, AuthenticationManager authenticationManager, AuditTrail audit,
			TransactionTemplate transactions) throws Exception {
		headers(http);
		SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
			@Override
			public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
					jakarta.servlet.http.HttpServletResponse response,
					org.springframework.security.core.Authentication authentication)
					throws jakarta.servlet.ServletException, java.io.IOException {
				ZerenUser user = (ZerenUser) authentication.getPrincipal();
				transactions.executeWithoutResult(s -> audit.record(
						new AuditTrail.Change(null, "user", user.id(), "LOGIN", null), user.username()));
				super.onAuthenticationSuccess(request, response, authentication);
			}
		};
		success.setDefaultTargetUrl("/");
		http.authenticationManager(authenticationManager)
				.formLogin(form -> form.loginPage("/login").permitAll().successHandler(success)
						// one answer for an unknown user, a wrong password, a disabled user and a lock
						.failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
								+ (e instanceof PasswordChecksBusy ? "/login?busy" : "/login?error"))))
				.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
				.authorizeHttpRequests(auth -> auth
						.requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/error",
								"/actuator/health", "/actuator/health/**").permitAll()
						.anyRequest().authenticated());
		return http.build();
	}
}
