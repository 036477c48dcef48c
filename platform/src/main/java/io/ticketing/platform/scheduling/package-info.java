/** Building blocks for the services' periodic jobs. */
@NullMarked
package io.ticketing.platform.scheduling;

import org.jspecify.annotations.NullMarked;
