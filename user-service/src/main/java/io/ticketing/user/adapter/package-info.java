@NullMarked
package io.ticketing.user.adapter;

import org.jspecify.annotations.NullMarked;
