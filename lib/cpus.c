/* How many processors this process may run on: the input's decoder thread
 * (input.c) and the reader's second thread (ahead.c, reader.c) each start
 * only where there are two. */
#include <sched.h>
#include <unistd.h>

#include "internal.h"

/* On one processor a second thread only adds its overhead (taskset -c 0
 * gives the one-thread reader). */
long
rk_cpus(void)
{
#ifdef CPU_COUNT
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		return CPU_COUNT(&set);
#endif
	return sysconf(_SC_NPROCESSORS_ONLN);
}
