/**
 * Cross-cutting platform pieces every module uses: input and lookup errors rendered as RFC 9457
 * problem details, the database dialect, the business clock (Asia/Shanghai), locale handling
 * and the base page layout. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(
		displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = {})
package zeren.platform;
