@NullMarked
package io.ticketing.platform.web;

import org.jspecify.annotations.NullMarked;
