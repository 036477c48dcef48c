@NullMarked
package io.ticketing.platform.command;

import org.jspecify.annotations.NullMarked;
