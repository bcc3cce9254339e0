// What the application-level check steps (check_applicant … check_completeness) share: which
// project type is which, months of a ruleset duration, JSON paths of fields and small pieces of
// message text. Pure.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "ccfs/check_step.h"

namespace bsap::ccfs {

// §2.5.3: an amount or duration above the §2.5.1 caps, or cumulative funding above the §2.5.2
// limits, is considered case by case on the applicant's reasons. The typed ruleset keeps the
// caps but not this clause, which every such finding cites after the cap's own.
inline constexpr std::string_view kCaseByCaseClause = "§2.5.3";

// A management agreement project: the MA form of §2.7.1. §2.5.2(i) counts these; every other
// type, and a prior grant of a type this ruleset does not know, is non-MA (§2.5.2(ii)).
bool is_ma_project_type(const rules::ProjectType& type);
bool is_ma_project_type(const rules::Ruleset& ruleset, std::string_view type_key);
// The type whose restoration works must leave the building open for part of the project period
// (§2.7.12(a) 「就涉及文物建築復修計劃書的申請而言」).
bool is_heritage_building(const rules::ProjectType& type);

// A project duration in months. The loader admits only months and years for project durations
// (project_types_reader.cpp), so no other unit reaches here.
int months_of(rules::Duration duration);

// "partners[2]", "partners[2].documents".
std::string item_field(std::string_view list, std::size_t index, std::string_view member = {});
// The items joined for a message: "a、b、c" in Chinese, "a, b, c" in English.
std::string joined_zh(const std::vector<std::string>& items);
std::string joined_en(const std::vector<std::string>& items);
// "24個月" / "24 months".
std::string months_zh(int months);
std::string months_en(int months);
// "3年" / "3 years", in the duration's own unit.
std::string duration_zh(rules::Duration duration);
std::string duration_en(rules::Duration duration);

}  // namespace bsap::ccfs
