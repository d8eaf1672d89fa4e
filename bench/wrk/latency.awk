# The latency at quantile q ("50%", "99%") of wrk --latency output, in milliseconds.
$1 == q {
  v = $2
  if (v ~ /us$/) { sub(/us$/, "", v); v = v / 1000 }
  else if (v ~ /ms$/) { sub(/ms$/, "", v) }
  else if (v ~ /m$/) { sub(/m$/, "", v); v = v * 60000 }
  else if (v ~ /s$/) { sub(/s$/, "", v); v = v * 1000 }
  printf "%.1f", v
}
