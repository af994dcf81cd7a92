// A function too large for the analysis budget is skipped and counted, never
// a hang; the other functions of the file are still analysed.
// RUN: %python %S/../Inputs/nullable-generate-large.py 300 > %t.large.cpp
// RUN: %check_modelguard %t.large.cpp modelguard-unchecked-nullable-field %t -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=DEBUG %t.large.cpp modelguard-unchecked-nullable-field %t \
// RUN:   --config="{CheckOptions: {modelguard-unchecked-nullable-field.ReportSkippedFunctions: true}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// RUN: %check_modelguard --check-suffix=FULL %t.large.cpp modelguard-unchecked-nullable-field %t \
// RUN:   --config="{CheckOptions: {modelguard-unchecked-nullable-field.AnalysisBudget: 100000000}}" \
// RUN:   -- -std=c++17 -I%S/../Inputs
// RUN: grep -c 'use(\*w.f' %t.large.cpp | grep -x 301
