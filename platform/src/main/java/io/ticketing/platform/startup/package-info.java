/** What a service does about its own start: the training run that records the JDK's AOT cache. */
@NullMarked
package io.ticketing.platform.startup;

import org.jspecify.annotations.NullMarked;
