// The simulated side of the kiln comparison: each kiln fired on its own schedule by the firing
// model, sampled as the mean temperature of its front and rear rows over kiln time, with the wood
// burnt and the front-to-rear spread (each end at its own high fire). Reads and runs the sim; does
// NOT draw or hold visitor strings. A firing takes tens of milliseconds: run once, keep the result.
#pragma once

#include "kiln/content/comparison.h"
#include "kiln/sim/firing_schedule.h"
#include "kiln/sim/kiln_model.h"

#include <string>
#include <vector>

namespace kiln::ui {

struct ComparisonRun {
    std::string kilnId;
    bool ok = false;
    std::string error; // when !ok: why the firing could not run (file and field), for the log
    // Samples over kiln time: front = mean setting temperature (both positions) of the first
    // tenth of the rows, rear = that of the last tenth (as the sim's validation measures them).
    std::vector<float> hours;
    std::vector<float> frontC;
    std::vector<float> rearC;
    double stopHours = 0.0; // the end of stoking (xie huo)
    double endHours = 0.0;  // the end of the run (the kiln opened)
    double woodBurntKg = 0.0;
    double frontAtStopC = 0.0;
    double rearAtStopC = 0.0;
    double frontPeakC = 0.0;   // the front's hottest (its high fire)
    double rearPeakC = 0.0;    // the rear's hottest
    double peakSettingC = 0.0; // the hottest any placement got during the firing

    // Front minus rear, each at its own high fire: how unevenly the kiln matures its ware. (At
    // one moment it misleads for a dragon kiln, whose fire is carried up the slope: when stoking
    // stops at the top, the head has long cooled.)
    double spreadC() const { return frontPeakC - rearPeakC; }
};

// Fires model on schedule to its end, sampling every sampleEveryHours (> 0).
ComparisonRun runComparisonFiring(std::string kilnId, const sim::KilnModel& model,
                                  const sim::FiringSchedule& schedule,
                                  double sampleEveryHours = 0.25);

// Every kiln of the comparison: loads its `firing` schedule (relative to the data root), the kiln
// and loading plan it names and the Orton calibration, and fires it. A kiln whose files do not
// load gives a run with ok = false and the error; the others still run. Same order as the kilns.
std::vector<ComparisonRun> runComparisonFirings(const content::ComparisonContent& comparison,
                                                double sampleEveryHours = 0.25);

} // namespace kiln::ui
