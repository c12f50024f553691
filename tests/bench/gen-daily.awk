# Generates a daily-metrics CSV (the project's daily table) for the import
# benchmark: n works (73100000000XXXXXXXX) x as many days from 2024-01-01
# as it takes to reach `rows` rows; realistic values in every column.
# order=work (the default) writes each work's days in turn, as a per-work
# export is sorted (by work and day); order=day writes day by day.
# columns=7 writes date, work_id, plays, profitable_plays, likes,
# favorites and revenue only (the issue's 58 MB file of a million rows);
# columns=15 (the default) every column of the table.
#   awk -v n=1000 -v rows=1000000 [-v order=day] [-v columns=7] \
#       -f gen-daily.awk > daily.csv
function days_in(y, m) {
	if (m == 2)
		return (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28
	return (m == 4 || m == 6 || m == 9 || m == 11) ? 30 : 31
}
function row(day, i) {
	p = int(rand() * 100000); pp = int(p * 0.7); l = int(pp * 0.04)
	if (columns == 7) {
		printf "%s,73100000000%08d,%d,%d,%d,%d,%d.%02d\n", day, i, p, pp, \
		    l, int(l / 3), int(pp / 500), int(rand() * 100)
		return
	}
	printf "%s,73100000000%08d,%d,%d,%d,%d,%d,%d,%.4f,%.4f,%.4f,%.1f,%.3f,%.1f,%d.%02d\n", \
	    day, i, p, pp, l, int(l / 3), int(l / 20), int(l / 30), \
	    rand() * 0.5, 0.3 + rand() * 0.5, rand() * 0.5, rand() * 60, \
	    0.5 + rand(), 40 + rand() * 50, int(pp / 500), int(rand() * 100)
}
BEGIN {
	if (columns == 7)
		print "date,work_id,plays,profitable_plays,likes,favorites,revenue"
	else
		print "date,work_id,plays,profitable_plays,likes,favorites,comments,shares,completion_rate,completion_rate_5s,bounce_rate_2s,avg_play_duration,user_value,quality,revenue"
	srand(42)
	ndays = int((rows + n - 1) / n)
	y = 2024; m = 1; dd = 1
	for (d = 0; d < ndays; d++) {
		days[d] = sprintf("%04d-%02d-%02d", y, m, dd)
		if (++dd > days_in(y, m)) { dd = 1; if (++m > 12) { m = 1; y++ } }
	}
	k = 0
	if (order == "day") {
		for (d = 0; d < ndays && k < rows; d++)
			for (i = 0; i < n && k < rows; i++) { row(days[d], i); k++ }
	} else {
		for (i = 0; i < n && k < rows; i++)
			for (d = 0; d < ndays && k < rows; d++) { row(days[d], i); k++ }
	}
}
